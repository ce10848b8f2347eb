package org.xuncha.rectification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the daily warning job; the job itself guards against running twice across nodes. */
@Configuration
@EnableScheduling
class RectificationScheduling {}
