package io.smartcloudops.agent.detect;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ml_models/anomaly_model.ser} holds: the detector configuration and the hosts fitted by
 * {@code train} (their detector state after their history). Hosts not in it learn online (see docs/architecture.md, "Detection").
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param settings      the one configuration
 * @param hosts         pre-fitted hosts
 */
public record DetectorModel(int formatVersion, DetectorSettings settings, HostModel[] hosts) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** 3 since the detector keeps learning (its state, not a fitted forest, is what a trained host carries). */
    public static final int FORMAT_VERSION = 3;

    public DetectorModel {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("model format " + formatVersion + " is not supported (this agent reads "
                    + FORMAT_VERSION + "); retrain with this version's train command");
        }
        if (settings == null || hosts == null) {
            throw new IllegalArgumentException("settings and hosts are required");
        }
        hosts = hosts.clone();
        for (int i = 0; i < hosts.length; i++) {
            for (int j = 0; j < i; j++) {
                if (hosts[i].host().equals(hosts[j].host())) {
                    throw new IllegalArgumentException("host '" + hosts[i].host() + "' appears twice");
                }
            }
        }
    }

    public static DetectorModel of(DetectorSettings settings, List<HostModel> hosts) {
        return new DetectorModel(FORMAT_VERSION, settings, hosts.toArray(HostModel[]::new));
    }

    /** A model without pre-fitted hosts. */
    public static DetectorModel untrained(DetectorSettings settings) {
        return of(settings, List.of());
    }

    public List<HostModel> hostList() {
        return List.of(hosts);
    }

    @Override
    public HostModel[] hosts() {
        return hosts.clone();
    }

    public Optional<DetectorState.Series> host(String name) {
        return Arrays.stream(hosts).filter(h -> h.host().equals(name)).map(HostModel::state).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorModel m && formatVersion == m.formatVersion && settings.equals(m.settings)
                && Arrays.equals(hosts, m.hosts);
    }

    @Override
    public int hashCode() {
        return settings.hashCode() * 31 + Arrays.hashCode(hosts);
    }

    @Override
    public String toString() {
        return "DetectorModel[" + settings + ", hosts " + Arrays.stream(hosts).map(HostModel::host).toList() + "]";
    }
}
