package org.jointworks.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The .prj texts of the field and the EPSG codes they mean. */
class PrjCrsTest {
  static final String GK_114E = "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS["
      + "\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID["
      + "\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
      + "0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
      + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",114.0],PARAMETER["
      + "\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "114.0|500000.0|3_Degree_GK_CM_114E|4547",
      "117.0|500000.0|3_Degree_GK_CM_117E|4548",
      "114.0|38500000.0|3_Degree_GK_Zone_38|4526",
      "117.0|500000.0|GK_CM_117E_6_Degree|4509",
      "117.0|20500000.0|6_Degree_GK_Zone_20|4498"})
  void recognisesGaussKrugerZonesByParameters(String cm, String fe, String name, int epsg) {
    String wkt = GK_114E.replace("CGCS2000_3_Degree_GK_CM_114E", "CGCS2000_" + name)
        .replace("\"Central_Meridian\",114.0", "\"Central_Meridian\"," + cm)
        .replace("\"False_Easting\",500000.0", "\"False_Easting\"," + fe);
    assertThat(PrjCrs.epsgOf(wkt)).hasValue(epsg);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]|4490",
      "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]|4326",
      "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\"],PROJECTION[\"Mercator_Auxiliary_Sphere\"]]|3857",
      "PROJCS[\"x\",GEOGCS[\"y\"],AUTHORITY[\"EPSG\",\"4547\"]]|4547"})
  void readsGeographicMercatorAndAuthorities(String wkt, int epsg) {
    assertThat(PrjCrs.epsgOf(wkt)).hasValue(epsg);
  }
}
