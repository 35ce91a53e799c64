package com.serviceloop.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the intake's housekeeping: the hourly purge of expired Idempotency-Keys. */
@Configuration
@EnableScheduling
public class IntakeConfiguration {}
