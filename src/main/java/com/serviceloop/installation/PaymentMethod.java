package com.serviceloop.installation;

/** How the customer paid: card on a POS terminal, or cash. */
public enum PaymentMethod { POS, CASH }
