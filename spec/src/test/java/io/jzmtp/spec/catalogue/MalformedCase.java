package io.jzmtp.spec.catalogue;

/**
 * One named catalogue entry: the exact bytes a peer sends, the side that receives them, and what must happen.
 *
 * @param area the parser attacked
 * @param name a readable name
 * @param rfc the clause ID of spec/CONFORMANCE.md the case enforces, or null
 * @param local the side under test
 * @param wire the peer's bytes, from its first greeting octet
 * @param expectation the required outcome
 */
record MalformedCase(Area area, String name, String rfc, LocalSide local, byte[] wire, Expectation expectation) {
    /** @return the name shown in test reports. */
    String displayName() {
        return area.label() + ": " + name + (rfc == null ? "" : " [RFC " + rfc + "]");
    }

    boolean mustFail() {
        return expectation instanceof Expectation.Fails;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
