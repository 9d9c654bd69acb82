print("tune-train")
