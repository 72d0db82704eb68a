package org.jointworks.fuzz;

/**
 * One hostile request: where it goes, as whom, with what body, and how it was made (target and
 * mutation name the seed and the mutation, so a failure can be reproduced from the seed).
 */
record HostileCase(String target, String mutation, String method, String path,
    String contentType, byte[] body, String user, String ifMatch) {

  HostileCase withBody(String mutationName, byte[] newBody) {
    return new HostileCase(target, mutationName, method, path, contentType, newBody, user,
        ifMatch);
  }

  @Override
  public String toString() {
    return target + " / " + mutation + " (" + method + " " + path + ", " + body.length
        + " bytes)";
  }
}
