"""Check a community's audit chain link by link, and say where it first breaks."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from naober.privacy.audit import link_hash
from naober.privacy.models import AuditChainHead, AuditEntry


@dataclass(frozen=True)
class ChainReport:
    community_id: int
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify_chain(community) -> ChainReport:
    """Walk the chain in order; stop at the first entry whose link or content does not fit."""
    prev_hash, expected_seq, checked = "", 1, 0
    entries = AuditEntry.objects.filter(community=community).order_by("seq").iterator(2000)
    for entry in entries:
        if entry.seq != expected_seq:
            reason = _("entry %(seq)s is missing or out of order") % {"seq": expected_seq}
            return ChainReport(community.pk, checked, expected_seq, reason)
        if entry.prev_hash != prev_hash:
            return ChainReport(
                community.pk,
                checked,
                entry.seq,
                _("entry %(seq)s does not follow the entry before it") % {"seq": entry.seq},
            )
        if link_hash(prev_hash, entry) != entry.hash:
            return ChainReport(
                community.pk,
                checked,
                entry.seq,
                _("entry %(seq)s was changed after it was written") % {"seq": entry.seq},
            )
        prev_hash, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    head = AuditChainHead.objects.filter(pk=community.pk).first()
    if head is not None and (head.seq != checked or head.last_hash != prev_hash):
        return ChainReport(community.pk, checked, checked + 1, _("the newest entries are missing"))
    return ChainReport(community.pk, checked)
