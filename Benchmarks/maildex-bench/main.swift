print("maildex-bench: not built yet")
