package org.jointworks.clock;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.clock}. Immutable.
 *
 * @param date a fixed business date for demos and tests (the sample programme stands at
 *     2023-07-15); unset, the business date is the real one
 * @param zone the time zone in which a day begins (the city's: Asia/Shanghai)
 */
@ConfigurationProperties("jointworks.clock")
public record ClockProperties(LocalDate date, @DefaultValue("Asia/Shanghai") ZoneId zone) {}
