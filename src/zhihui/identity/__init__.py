"""Identity: one-time codes, share links, face verification, liveness, consent."""
