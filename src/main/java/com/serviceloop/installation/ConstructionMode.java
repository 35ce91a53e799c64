package com.serviceloop.installation;

/** Who built the access network: the operator itself or the partner (Tietong 铁通). */
public enum ConstructionMode {
  SELF_BUILT,
  PARTNER
}
