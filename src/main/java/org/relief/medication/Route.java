package org.relief.medication;

/** How the medication is taken. */
public enum Route {
    ORAL("by mouth"),
    SUBLINGUAL("under the tongue"),
    BUCCAL("in the cheek"),
    TRANSDERMAL("on the skin (patch)"),
    TOPICAL("on the skin"),
    INTRAVENOUS("intravenous"),
    INTRAMUSCULAR("intramuscular"),
    SUBCUTANEOUS("subcutaneous"),
    RECTAL("rectal"),
    INTRATHECAL("intrathecal"),
    INHALED("inhaled");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
