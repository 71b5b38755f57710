public enum InstrumentsModule {}
