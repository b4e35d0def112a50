package io.jzmtp.spec.catalogue;

/** The parser a catalogue case attacks, with the least number of cases each must keep. */
enum Area {
    GREETING("greeting", 20),
    FRAMES("frames", 20),
    COMMANDS("commands", 15),
    METADATA("metadata", 15),
    HANDSHAKE("NULL/PLAIN handshake", 15),
    TRAFFIC("traffic", 5);

    private final String label;
    private final int minimum;

    Area(String label, int minimum) {
        this.label = label;
        this.minimum = minimum;
    }

    String label() {
        return label;
    }

    int minimum() {
        return minimum;
    }
}
