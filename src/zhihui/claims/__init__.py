"""智能报案: claim-report dialog, work orders and human verification."""
