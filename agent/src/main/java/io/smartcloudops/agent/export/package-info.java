/** {@code export}: Prometheus range data to host CSVs, the input of {@code train}, {@code evaluate}, {@code detect} and replay. */
package io.smartcloudops.agent.export;
