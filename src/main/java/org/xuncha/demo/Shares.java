package org.xuncha.demo;

import java.util.Arrays;

/** Splits a total over parts in proportion to weights, each part within its floor and ceiling (按权分配). */
final class Shares {

    private Shares() {}

    /**
     * Parts that sum to {@code total}, part i in [floor[i], ceiling[i]] and otherwise as close to its weight's share as
     * whole numbers allow (largest remainder); refuses a total the bounds cannot hold.
     */
    static int[] split(int total, double[] weights, int[] floor, int[] ceiling) {
        int n = weights.length;
        int low = Arrays.stream(floor).sum();
        long high = Arrays.stream(ceiling).asLongStream().sum();
        if (total < low || total > high) {
            throw new IllegalArgumentException("cannot split " + total + " within [" + low + ", " + high + "]");
        }
        int[] parts = floor.clone();
        int left = total - low;
        while (left > 0) {
            double weightSum = 0;
            for (int i = 0; i < n; i++) {
                if (parts[i] < ceiling[i]) {
                    weightSum += weights[i];
                }
            }
            double[] exact = new double[n];
            int given = 0;
            for (int i = 0; i < n; i++) {
                if (parts[i] < ceiling[i]) {
                    exact[i] = left * weights[i] / weightSum;
                    int whole = Math.min((int) Math.floor(exact[i]), ceiling[i] - parts[i]);
                    parts[i] += whole;
                    given += whole;
                    exact[i] -= whole;
                } else {
                    exact[i] = -1;
                }
            }
            left -= given;
            if (left > 0 && given == 0) {
                // hand out the remainder one by one, largest fraction first
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Double.compare(exact[b], exact[a]));
                for (int i : order) {
                    if (left == 0) {
                        break;
                    }
                    if (parts[i] < ceiling[i]) {
                        parts[i]++;
                        left--;
                    }
                }
            }
        }
        return parts;
    }

    /** Equal weights. */
    static double[] even(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
