"""The doors keep no rows about a Person: a volunteer sign-up or a talent is about someone who is
not (yet) a resident of the community, and its text is emptied by the retention rules
(doors/retention.py). The coordinators who typed in or closed a row are named for the queue's
history only."""

from naober.privacy.topics import leave_out

leave_out(
    "doors.VolunteerSignup.closed_by",
    "the coordinator who closed someone else's volunteer sign-up: not data about them",
)
leave_out(
    "doors.Talent.entered_by",
    "the coordinator who typed in someone else's paper talent form: not data about them",
)
leave_out(
    "doors.Talent.closed_by",
    "the coordinator who dealt with someone else's talent: not data about them",
)
