package io.smartcloudops.console.testing;

import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import org.testfx.api.FxRobotInterface;
import org.testfx.robot.Motion;
import org.testfx.service.query.PointQuery;

/**
 * Clicks a node as a user does, but measures it on the JavaFX thread. TestFX's {@code clickOn(query)} and
 * {@code clickOn(node)} measure the node on the test thread, and measuring lazily updates every parent's cached
 * bounds: done while a pulse does the same on the JavaFX thread it broke a parent's bookkeeping (CI:
 * IndexOutOfBoundsException in Parent.updateCachedBounds during a pulse, reported in AnomalyToFixLiveTest). As
 * TestFX does, the point is measured again while the mouse moves: the node may still move (the connection banner
 * above the navigation goes once the agent answers).
 */
public final class Clicks {

    private Clicks() {
    }

    /** Clicks the first visible node {@code query} finds (a CSS selector such as {@code #id}, or a text). */
    public static FxRobotInterface on(FxRobotInterface robot, String query) {
        return on(robot, FxWait.onFx(() -> visible(robot, query)));
    }

    /** Clicks the middle of what is shown of {@code node}. */
    public static FxRobotInterface on(FxRobotInterface robot, Node node) {
        return robot.clickOn(new OnFx(robot.point(node)), Motion.DEFAULT);
    }

    private static Node visible(FxRobotInterface robot, String query) {
        Set<Node> found = robot.lookup(query).queryAll();
        return found.stream().filter(Node::isVisible).findFirst().orElseThrow(() -> new AssertionError(
                (found.isEmpty() ? "nothing matches \"" : "nothing visible matches \"") + query + "\""));
    }

    /** TestFX's point on a node, measured on the JavaFX thread whenever the robot asks where it is. */
    private record OnFx(PointQuery point) implements PointQuery {

        @Override
        public Point2D query() {
            return FxWait.onFx(point::query);
        }

        @Override
        public Point2D getPosition() {
            return point.getPosition();
        }

        @Override
        public Point2D getOffset() {
            return point.getOffset();
        }

        @Override
        public PointQuery atPosition(Point2D position) {
            return new OnFx(point.atPosition(position));
        }

        @Override
        public PointQuery atPosition(double x, double y) {
            return new OnFx(point.atPosition(x, y));
        }

        @Override
        public PointQuery atPosition(Pos position) {
            return new OnFx(point.atPosition(position));
        }

        @Override
        public PointQuery atOffset(Point2D offset) {
            return new OnFx(point.atOffset(offset));
        }

        @Override
        public PointQuery atOffset(double x, double y) {
            return new OnFx(point.atOffset(x, y));
        }

        @Override
        public PointQuery onNode(Node node) {
            return new OnFx(point.onNode(node));
        }

        @Override
        public Optional<Motion> queryMotion() {
            return point.queryMotion();
        }
    }
}
