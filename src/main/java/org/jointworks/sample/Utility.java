package org.jointworks.sample;

import java.util.List;

/**
 * The six utilities as the sample city lays them: lateral position under the street, depth,
 * materials, sizes and trench width. The values are plausible for a Chinese city of Xinxiang's
 * size and era, not taken from any survey; clearances are set several metres apart so that a
 * clearance check (GB 50289) finds real neighbours, not everything at once.
 *
 * <p>Depths (to the pipe's top, each end drawn in the band) are a <b>local assumption</b>, not a
 * survey: the usual order under a Chinese street, telecom and power cables shallow, then gas,
 * water supply, heating and the gravity drainage deepest, stacked so that at a junction, where
 * every main of one street crosses every main of the other, each pair clears its vertical
 * minimum of {@code gis-data/clearances.csv} (cables in duct banks) when pipes are of typical
 * size. The bands overlap the minimums by a few centimetres for the largest pipes, so the sample
 * city shows a small set of real crossing violations, not none and not thousands. Power lies
 * below gas because the table asks 0.5 m between power and telecom cables.
 *
 * <p>Declared in the order of {@link org.jointworks.layers.Vocabulary#UTILITIES}, so the bit of
 * a utility in a street's mask is its ordinal there too.
 */
enum Utility {
  WATER_SUPPLY("water_supply", -3.0, 1.9, 2.05, 0.8, 1.2,
      List.of("ductile iron", "ductile iron", "ductile iron", "PE", "PE", "cast iron"),
      List.of("PE", "PE", "galvanised steel"), new int[] {150, 200, 300, 400, 500},
      new int[] {50, 75, 100}),
  DRAINAGE("drainage", 0.0, 3.3, 3.9, 1.0, 1.5,
      List.of("concrete", "concrete", "HDPE"), List.of("HDPE", "PVC-U"),
      new int[] {300, 400, 500, 600, 800, 1000}, new int[] {200, 300}),
  GAS("gas", 3.5, 1.0, 1.1, 0.6, 1.0, List.of("PE", "PE", "steel"), List.of("PE"),
      new int[] {110, 160, 200, 250}, new int[] {32, 50, 63}),
  HEATING("heating", -5.0, 2.6, 2.8, 1.0, 1.5, List.of("steel"), List.of("steel"),
      new int[] {200, 250, 300, 400, 500}, new int[] {80, 100, 150}),
  POWER("power", 5.5, 1.5, 1.6, 0.6, 1.0,
      List.of("copper cable", "copper cable", "aluminium cable"), List.of("copper cable"),
      new int[] {150, 175, 200}, new int[] {100}),
  TELECOM("telecom", 7.0, 0.7, 0.75, 0.6, 0.8, List.of("PVC duct", "fibre optic cable"),
      List.of("fibre optic cable"), new int[] {100, 110}, new int[] {50, 75});

  static final List<Utility> ALL = List.of(values());
  /** Every utility's bit set. */
  static final int EVERY = (1 << ALL.size()) - 1;

  /** The utility's code, equal to its owner organisation's code in organisations.csv. */
  final String code;
  /** Distance from the street's centre line on a street 16 m or wider; negative is south/west. */
  final double offsetM;
  final double depthMinM;
  final double depthMaxM;
  final double trenchMinM;
  final double trenchMaxM;
  final List<String> mainMaterials;
  final List<String> serviceMaterials;
  final int[] mainDiametersMm;
  final int[] serviceDiametersMm;

  Utility(String code, double offsetM, double depthMinM, double depthMaxM, double trenchMinM,
      double trenchMaxM, List<String> mainMaterials, List<String> serviceMaterials,
      int[] mainDiametersMm, int[] serviceDiametersMm) {
    this.code = code;
    this.offsetM = offsetM;
    this.depthMinM = depthMinM;
    this.depthMaxM = depthMaxM;
    this.trenchMinM = trenchMinM;
    this.trenchMaxM = trenchMaxM;
    this.mainMaterials = mainMaterials;
    this.serviceMaterials = serviceMaterials;
    this.mainDiametersMm = mainDiametersMm;
    this.serviceDiametersMm = serviceDiametersMm;
  }

  int bit() {
    return 1 << ordinal();
  }

  boolean in(int mask) {
    return (mask & bit()) != 0;
  }

  /**
   * The lateral offset under a street {@code widthM} wide. On narrow streets the whole bundle is
   * squeezed (keeping the order) so that telecom, the outermost, stays a metre inside the kerb.
   */
  double offsetM(double widthM) {
    return offsetM * Math.min(1.0, (widthM / 2 - 1.0) / 7.0);
  }

  static int count(int mask) {
    return Integer.bitCount(mask & EVERY);
  }
}
