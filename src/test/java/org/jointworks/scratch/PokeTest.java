package org.jointworks.scratch;

import org.jointworks.support.Browser;
import org.junit.jupiter.api.Test;

/** Scratch: drives the dev server on 18611 (not committed). */
class PokeTest {
  @Test
  void poke() throws Exception {
    String user = System.getProperty("poke.user", "leader");
    String script = System.getProperty("poke.script", "");
    String wait = System.getProperty("poke.wait", "true");
    int w = Integer.getInteger("poke.w", 1280), h = Integer.getInteger("poke.h", 800);
    try (Browser b = new Browser(18611, w, h)) {
      if (user.equals("anon")) b.openMap(); else b.signIn(user);
      if (!script.isEmpty()) {
        Object r = b.js(script);
        System.out.println("SCRIPT => " + r);
      }
      try { b.waitFor(wait, 30); } catch (AssertionError e) { System.out.println("WAIT FAILED " + e.getMessage()); }
      Thread.sleep(Integer.getInteger("poke.sleep", 1000));
      String post = System.getProperty("poke.post", "");
      if (!post.isEmpty()) System.out.println("POST => " + b.js(post));
      b.driver().manage().logs().get("browser").forEach(l -> System.out.println("CONSOLE " + l));
      System.out.println("SHOT " + b.screenshot("poke-" + user).toAbsolutePath());
    }
  }
}
