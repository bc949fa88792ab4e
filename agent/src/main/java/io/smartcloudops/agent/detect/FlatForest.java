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
 * <p>Node {@code i} of the forest is a leaf when {@code left[i] < 0}; its path length is {@code depth[i]}.
 * Otherwise the sample goes to {@code left[i]} when {@code coefficient[i] * x[feature[i]] < bias[i]},
 * else to {@code right[i]}. {@code roots[t]} is the first node of tree t.
 *
 * @param dimension   number of features
 * @param c           Smile's normalising constant c(n) of the forest
 */
public record FlatForest(int dimension, double c, int[] roots, int[] feature, double[] coefficient, double[] bias,
                         int[] left, int[] right, double[] depth) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public FlatForest {
        int n = feature.length;
        if (dimension < 1 || roots.length == 0 || coefficient.length != n || bias.length != n || left.length != n
                || right.length != n || depth.length != n || !(c > 0)) {
            throw new IllegalArgumentException("inconsistent forest arrays");
        }
        for (int r : roots) {
            checkIndex(r, n);
        }
        for (int i = 0; i < n; i++) {
            if (left[i] >= 0) {
                // children come after their parent: a malformed file cannot make the walk loop forever
                if (left[i] <= i || right[i] <= i) {
                    throw new IllegalArgumentException("node " + i + ": children must follow their parent");
                }
                checkIndex(left[i], n);
                checkIndex(right[i], n);
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
        for (int root : roots) {
            int node = root;
            if (nonFinite == 0) {
                while (left[node] >= 0) {
                    node = coefficient[node] * x[feature[node]] < bias[node] ? left[node] : right[node];
                }
            } else {
                // Smile's dot product multiplies every feature: 0 * NaN and 0 * Inf are NaN, so a node whose own
                // feature is not the non-finite one compares NaN (false) and sends the sample right
                while (left[node] >= 0) {
                    boolean own = nonFinite == 1 && feature[node] == odd;
                    node = own && coefficient[node] * x[feature[node]] < bias[node] ? left[node] : right[node];
                }
            }
            sum += depth[node];
        }
        return Math.pow(2.0, -(sum / roots.length) / c);
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
        private int[] left = new int[1024];
        private int[] right = new int[1024];
        private double[] depth = new double[1024];

        Builder(int dimension) {
            this.dimension = dimension;
        }

        /** Adds a subtree in pre-order (parent before children) and returns its index. */
        int add(Object node, NodeFields f) throws IllegalAccessException {
            grow();
            int i = size++;
            Object l = f.left().get(node);
            Object r = f.right().get(node);
            depth[i] = f.depth().getDouble(node);
            if (l == null || r == null) {
                left[i] = -1;
                right[i] = -1;
                return i;
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
            int leftChild = add(l, f);   // may grow the arrays: assign after the calls
            int rightChild = add(r, f);
            left[i] = leftChild;
            right[i] = rightChild;
            return i;
        }

        private void grow() {
            if (size == feature.length) {
                int n = feature.length * 2;
                feature = Arrays.copyOf(feature, n);
                coefficient = Arrays.copyOf(coefficient, n);
                bias = Arrays.copyOf(bias, n);
                left = Arrays.copyOf(left, n);
                right = Arrays.copyOf(right, n);
                depth = Arrays.copyOf(depth, n);
            }
        }

        FlatForest build(double c, int[] roots) {
            return new FlatForest(dimension, c, roots, Arrays.copyOf(feature, size), Arrays.copyOf(coefficient, size),
                    Arrays.copyOf(bias, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(depth, size));
        }
    }

    // Records compare arrays by identity; a model is compared by content in tests.
    @Override
    public boolean equals(Object o) {
        return o instanceof FlatForest f && dimension == f.dimension && Double.compare(c, f.c) == 0
                && Arrays.equals(roots, f.roots) && Arrays.equals(feature, f.feature)
                && Arrays.equals(coefficient, f.coefficient) && Arrays.equals(bias, f.bias)
                && Arrays.equals(left, f.left) && Arrays.equals(right, f.right) && Arrays.equals(depth, f.depth);
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
