"""慧保全: agent-shared self-service policy servicing (ten items, share links, review, endorsements)."""
