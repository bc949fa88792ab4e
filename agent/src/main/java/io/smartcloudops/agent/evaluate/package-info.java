/**
 * {@code evaluate}: scores detector alarms against labelled anomaly windows exactly as NAB-style event
 * F1 is defined in {@code ml_models/datasets/nab/SCORING.md} (event precision/recall/F1 with the FP-event
 * cap, point-wise and point-adjusted F1, detection delay), and draws the report PNG.
 */
package io.smartcloudops.agent.evaluate;
