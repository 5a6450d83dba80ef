print("mailadm: not built yet")
