"""Rows that several server and worker processes share: rate-limit counters and a heartbeat."""

from django.db import models


class RateCount(models.Model):
    """Attempts of one client in one window of one limit (key "scope:client:window").

    Kept in the database, not in a process's memory, so that every server process counts the same
    attempts; `naober.ops.services.count_attempt` increments it with one atomic upsert.
    """

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class Heartbeat(models.Model):
    """The last time a process of a kind (e.g. "worker") proved it was doing its work."""

    name = models.CharField(max_length=50, primary_key=True)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"
