enum BuiltInTable {}
