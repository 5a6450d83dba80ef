print("maildexd: not built yet")
