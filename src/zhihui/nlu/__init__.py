"""Chinese understanding shared by the answering robot and claim reporting."""
