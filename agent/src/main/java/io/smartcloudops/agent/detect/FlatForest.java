package io.smartcloudops.agent.detect;

import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

/**
 * A trained Smile {@link IsolationForest} laid out in flat arrays: one int/double slot per node instead
 * of an object graph, so scoring walks primitive arrays (a few times faster than Smile's scorer, see
 * docs/benchmarks.md) and the model file stays small. Scores are bit-for-bit Smile's: the same split
 * test ({@code coefficient * x[feature] < bias}, which is what Smile's dot product reduces to when one
 * coefficient is non-zero; NaN and infinite features are followed through Smile's arithmetic too), the same
 * leaf depths, summed in the same tree order, the same normalisation.
 *
 * <p>Node {@code i} of the forest is a leaf when {@code child[i] < 0}; its path length is {@code depth[i]}.
 * Otherwise the sample goes to the left child {@code child[i]} when
 * {@code coefficient[i] * x[feature[i]] < bias[i]}, else to the right child {@code child[i] + 1}: siblings
 * are adjacent, so the walk needs no branch to pick a child. {@code roots[t]} is the first node of tree t.
 *
 * @param dimension   number of features
 * @param c           Smile's normalising constant c(n) of the forest
 */
public record FlatForest(int dimension, double c, int[] roots, int[] feature, double[] coefficient, double[] bias,
                         int[] child, double[] depth) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public FlatForest {
        int n = feature.length;
        if (dimension < 1 || roots.length == 0 || coefficient.length != n || bias.length != n || child.length != n
                || depth.length != n || !(c > 0)) {
            throw new IllegalArgumentException("inconsistent forest arrays");
        }
        for (int r : roots) {
            checkIndex(r, n);
        }
        for (int i = 0; i < n; i++) {
            if (child[i] >= 0) {
                // children come after their parent: a malformed file cannot make the walk loop forever
                if (child[i] <= i) {
                    throw new IllegalArgumentException("node " + i + ": children must follow their parent");
                }
                checkIndex(child[i] + 1, n);
                checkIndex(feature[i], dimension);
            }
        }
    }

    private static void checkIndex(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("index " + i + " outside 0.." + (n - 1));
        }
    }

    public int trees() {
        return roots.length;
    }

    public int nodes() {
        return feature.length;
    }

    /** Anomaly score in (0, 1): 2^(-mean path length / c), as Smile's {@code IsolationForest.score}. */
    public double score(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " features, got " + x.length);
        }
        int nonFinite = 0;
        int odd = -1;
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                nonFinite++;
                odd = k;
            }
        }
        double sum = 0;
        int[] ch = child;
        if (nonFinite == 0) {
            for (int root : roots) {
                int node = root;
                int next;
                while ((next = ch[node]) >= 0) {
                    node = next + (coefficient[node] * x[feature[node]] < bias[node] ? 0 : 1);
                }
                sum += depth[node];
            }
        } else {
            // Smile's dot product multiplies every feature: 0 * NaN and 0 * Inf are NaN, so a node whose own
            // feature is not the non-finite one compares NaN (false) and sends the sample right
            for (int root : roots) {
                int node = root;
                int next;
                while ((next = ch[node]) >= 0) {
                    boolean own = nonFinite == 1 && feature[node] == odd;
                    node = next + (own && coefficient[node] * x[feature[node]] < bias[node] ? 0 : 1);
                }
                sum += depth[node];
            }
        }
        return Math.pow(2.0, -(sum / roots.length) / c);
    }

    /**
     * Scores many samples; the same numbers as {@link #score(double[])} for each. Walks one tree over all
     * samples before the next, so each tree's few kilobytes stay in the CPU cache.
     */
    public double[] score(double[][] xs) {
        int n = xs.length;
        double[] sum = new double[n];
        boolean[] plain = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] x = xs[i];
            if (x.length != dimension) {
                throw new IllegalArgumentException("row " + i + ": expected " + dimension + " features, got " + x.length);
            }
            boolean finite = true;
            for (double v : x) {
                finite &= Double.isFinite(v);
            }
            plain[i] = finite;
        }
        int[] ch = child;
        int[] levels = treeHeights();
        for (int t = 0; t < roots.length; t++) {
            int root = roots[t];
            int height = levels[t];
            int i = 0;
            // four samples at a time: their walks are independent, so the CPU overlaps them
            for (; i + 3 < n; i += 4) {
                double[] x0 = plain[i] ? xs[i] : zeros(xs[i]);
                double[] x1 = plain[i + 1] ? xs[i + 1] : zeros(xs[i + 1]);
                double[] x2 = plain[i + 2] ? xs[i + 2] : zeros(xs[i + 2]);
                double[] x3 = plain[i + 3] ? xs[i + 3] : zeros(xs[i + 3]);
                int a = root;
                int b = root;
                int e = root;
                int g = root;
                for (int d = 0; d < height; d++) {
                    a = step(a, x0);
                    b = step(b, x1);
                    e = step(e, x2);
                    g = step(g, x3);
                }
                sum[i] += depth[a];
                sum[i + 1] += depth[b];
                sum[i + 2] += depth[e];
                sum[i + 3] += depth[g];
            }
            for (; i < n; i++) {
                double[] x = plain[i] ? xs[i] : zeros(xs[i]);
                int node = root;
                for (int d = 0; d < height; d++) {
                    node = step(node, x);
                }
                sum[i] += depth[node];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = plain[i] ? Math.pow(2.0, -(sum[i] / roots.length) / c) : score(xs[i]);
        }
        return out;
    }

    /** One step of a fixed-length walk: to the chosen child, or nowhere from a leaf (no branch). */
    private int step(int node, double[] x) {
        int next = child[node];
        int moved = next + (coefficient[node] * x[feature[node]] < bias[node] ? 0 : 1);
        return next < 0 ? node : moved;
    }

    /** Rows with NaN or infinite features are scored one by one afterwards; walk zeros for them meanwhile. */
    private static double[] zeros(double[] x) {
        return new double[x.length];
    }

    /** Edges on the longest root-to-leaf path of each tree. */
    private int[] treeHeights() {
        int[] level = new int[child.length];
        int[] height = new int[roots.length];
        for (int t = 0; t < roots.length; t++) {
            int end = t + 1 < roots.length ? roots[t + 1] : child.length;
            level[roots[t]] = 0;
            for (int i = roots[t]; i < end; i++) {  // parents come before their children
                if (child[i] >= 0) {
                    level[child[i]] = level[i] + 1;
                    level[child[i] + 1] = level[i] + 1;
                    height[t] = Math.max(height[t], level[i] + 1);
                }
            }
        }
        return height;
    }

    /**
     * Flattens a Smile forest of standard (extension level 0) trees. Reads Smile's node fields
     * reflectively: they are not public API, so a Smile upgrade that renames them fails here, loudly,
     * and in the equivalence test.
     */
    public static FlatForest of(IsolationForest forest, int dimension) {
        if (forest.extensionLevel() != 0) {
            throw new IllegalArgumentException("only standard isolation trees (extension level 0) can be flattened");
        }
        try {
            Field root = IsolationTree.class.getDeclaredField("root");
            root.setAccessible(true);
            Field cField = IsolationForest.class.getDeclaredField("c");
            cField.setAccessible(true);
            Class<?> nodeClass = Class.forName("smile.anomaly.IsolationTree$Node");
            NodeFields f = new NodeFields(nodeClass);
            Builder b = new Builder(dimension);
            List<Integer> roots = new ArrayList<>();
            for (IsolationTree tree : forest.trees()) {
                roots.add(b.add(root.get(tree), f));
            }
            return b.build(cField.getDouble(forest), roots.stream().mapToInt(Integer::intValue).toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Smile version's isolation trees cannot be flattened: " + e, e);
        }
    }

    private record NodeFields(Field depth, Field slope, Field bias, Field left, Field right) {
        NodeFields(Class<?> node) throws NoSuchFieldException {
            this(open(node, "depth"), open(node, "slope"), open(node, "bias"), open(node, "left"), open(node, "right"));
        }

        private static Field open(Class<?> c, String name) throws NoSuchFieldException {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }
    }

    private static final class Builder {
        private final int dimension;
        private int size;
        private int[] feature = new int[1024];
        private double[] coefficient = new double[1024];
        private double[] bias = new double[1024];
        private int[] child = new int[1024];
        private double[] depth = new double[1024];

        Builder(int dimension) {
            this.dimension = dimension;
        }

        /** Adds a tree: its root, then (recursively) each node's two children side by side. */
        int add(Object root, NodeFields f) throws IllegalAccessException {
            int i = allocate(1);
            fill(i, root, f);
            return i;
        }

        private int allocate(int n) {
            while (size + n > feature.length) {
                int cap = feature.length * 2;
                feature = Arrays.copyOf(feature, cap);
                coefficient = Arrays.copyOf(coefficient, cap);
                bias = Arrays.copyOf(bias, cap);
                child = Arrays.copyOf(child, cap);
                depth = Arrays.copyOf(depth, cap);
            }
            int first = size;
            size += n;
            return first;
        }

        private void fill(int i, Object node, NodeFields f) throws IllegalAccessException {
            Object l = f.left().get(node);
            Object r = f.right().get(node);
            depth[i] = f.depth().getDouble(node);
            if (l == null || r == null) {
                child[i] = -1;
                return;
            }
            double[] slope = (double[]) f.slope().get(node);
            if (slope.length != dimension) {
                throw new IllegalArgumentException("tree has " + slope.length + " features, expected " + dimension);
            }
            int nonZero = 0;
            int j = 0;
            for (int k = 0; k < slope.length; k++) {
                if (slope[k] != 0.0) {
                    nonZero++;
                    j = k;
                }
            }
            if (nonZero > 1) {
                throw new IllegalArgumentException("node splits on " + nonZero + " features: not a standard isolation tree");
            }
            feature[i] = j;
            coefficient[i] = slope[j];
            bias[i] = f.bias().getDouble(node);
            int pair = allocate(2);   // may grow the arrays: index them only after this
            child[i] = pair;
            fill(pair, l, f);
            fill(pair + 1, r, f);
        }

        FlatForest build(double c, int[] roots) {
            return new FlatForest(dimension, c, roots, Arrays.copyOf(feature, size), Arrays.copyOf(coefficient, size),
                    Arrays.copyOf(bias, size), Arrays.copyOf(child, size), Arrays.copyOf(depth, size));
        }
    }

    // Records compare arrays by identity; a model is compared by content in tests.
    @Override
    public boolean equals(Object o) {
        return o instanceof FlatForest f && dimension == f.dimension && Double.compare(c, f.c) == 0
                && Arrays.equals(roots, f.roots) && Arrays.equals(feature, f.feature)
                && Arrays.equals(coefficient, f.coefficient) && Arrays.equals(bias, f.bias)
                && Arrays.equals(child, f.child) && Arrays.equals(depth, f.depth);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(feature) * 31 + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "FlatForest[" + trees() + " trees, " + nodes() + " nodes, " + dimension + " features]";
    }
}
