"""The web shell: sign-in for staff and customers, home pages per role, health checks, demo pages."""
