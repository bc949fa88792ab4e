package io.smartcloudops.agent.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Overall figures over several series: counts summed first (micro average), macro F1 = mean of per-file
 * event F1 over files with windows, delays pooled over every detected window.
 */
public record Summary(int files, int windows, int detected, int fpEvents, int alarms, double alarmRate,
                      Prf event, double eventF1Macro, double delayMean, double delayMedian,
                      Prf point, Prf pointAdjusted) {

    public static Summary of(List<FileScore> scores) {
        int windows = 0;
        int detected = 0;
        int fp = 0;
        int alarms = 0;
        long scored = 0;
        Confusion point = Confusion.NONE;
        Confusion pointAdjusted = Confusion.NONE;
        List<Integer> delays = new ArrayList<>();
        List<Double> macro = new ArrayList<>();
        for (FileScore s : scores) {
            windows += s.windows();
            detected += s.detected();
            fp += s.fpEvents();
            alarms += s.alarms();
            scored += s.scoredRows();
            point = point.plus(s.pointTp(), s.pointFp(), s.pointFn());
            pointAdjusted = pointAdjusted.plus(s.adjustedTp(), s.adjustedFp(), s.adjustedFn());
            delays.addAll(s.delays());
            if (s.windows() > 0) {
                macro.add(s.event().f1());
            }
        }
        double rate = scored > 0 ? (double) alarms / scored : Double.NaN;
        double mean = NumpyMean.of(delays.stream().mapToDouble(Integer::doubleValue).toArray());
        return new Summary(scores.size(), windows, detected, fp, alarms, rate, Prf.of(detected, fp, windows - detected),
                NumpyMean.of(macro.stream().mapToDouble(Double::doubleValue).toArray()), mean, median(delays),
                point.prf(), pointAdjusted.prf());
    }

    static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }
}
