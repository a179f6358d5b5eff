"""Knowledge base and answering robot (洋洋, 嗨问, 秒懂保全)."""
