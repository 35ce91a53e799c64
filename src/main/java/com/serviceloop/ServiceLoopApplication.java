package com.serviceloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ServiceLoopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ServiceLoopApplication.class, args);
  }
}
