package org.parley.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Latency histograms for HTTP requests: Quarkus counts and times every request per route template
 * ({@code http_server_requests_seconds}, tagged with {@code uri="/api/v1/events/{id}"}, never the raw path); this
 * adds the buckets, so that Prometheus can compute percentiles over any window and across instances.
 */
@Singleton
public class RequestMetrics {

    @Produces
    @Singleton
    MeterFilter requestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.server.requests")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }
}
