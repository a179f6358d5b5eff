"""Infrastructure shared by every module; holds no business rules and imports no module."""
