package io.smartcloudops.agent.evaluate;

/** Point-wise true positives, false positives and false negatives. */
record Confusion(long tp, long fp, long fn) {

    static final Confusion NONE = new Confusion(0, 0, 0);

    /** Counts rows {@code from} (inclusive) to {@code to} (exclusive) of {@code predicted} against {@code actual}. */
    static Confusion count(boolean[] predicted, boolean[] actual, int from, int to) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = from; i < to; i++) {
            if (predicted[i] && actual[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (actual[i]) {
                fn++;
            }
        }
        return new Confusion(tp, fp, fn);
    }

    Confusion plus(long moreTp, long moreFp, long moreFn) {
        return new Confusion(tp + moreTp, fp + moreFp, fn + moreFn);
    }

    Prf prf() {
        return Prf.of(tp, fp, fn);
    }
}
