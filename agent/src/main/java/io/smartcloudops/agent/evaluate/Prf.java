package io.smartcloudops.agent.evaluate;

/**
 * Precision, recall and F1 with the conventions of the scoring definition: precision 0 without any
 * positive prediction; recall undefined (NaN) without any positive; F1 NaN when recall is, 0 when
 * precision + recall is 0.
 */
public record Prf(double precision, double recall, double f1) {

    public static Prf of(long tp, long fp, long fn) {
        double p = tp + fp > 0 ? (double) tp / (tp + fp) : 0.0;
        double r = tp + fn > 0 ? (double) tp / (tp + fn) : Double.NaN;
        double f = Double.isNaN(r) ? Double.NaN : (p + r > 0 ? 2 * p * r / (p + r) : 0.0);
        return new Prf(p, r, f);
    }
}
