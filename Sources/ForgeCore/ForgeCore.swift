public enum ForgeCoreModule {}
