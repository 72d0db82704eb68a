package org.jointworks.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.cluster.StoreLocks;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.ImportService;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.organisations.Organisation;
import org.jointworks.organisations.OrganisationService;
import org.jointworks.system.JointWorksProperties;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.jointworks.system.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a store on start: the reference districts and utility companies (always, those missing),
 * the demo users (when {@code jointworks.demo-users}), and the sample city (when
 * {@code jointworks.sample-data}, once, into a store without communities). The sample city goes
 * through the same all-or-nothing import as a user's file.
 *
 * <p>Instances that start together on one PostGIS fill the references one after the other,
 * under the store's lock {@code startup-data} (decision 37): the second finds them present.
 */
@Component
class StartupData implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StartupData.class);
  /** The sample city's files in load order: references first (districts before communities). */
  static final List<Layer> SAMPLE_LAYERS = List.of(Layer.DISTRICTS, Layer.STREETS,
      Layer.COMMUNITIES, Layer.FACILITIES, Layer.PIPELINES, Layer.WORKS);
  private static final String SAMPLE_LOADED = "sample_city_loaded";

  private final JointWorksProperties properties;
  private final FeatureRepository features;
  private final LayerService layers;
  private final ImportService imports;
  private final OrganisationService organisations;
  private final UserStore users;
  private final NamedParameterJdbcTemplate jdbc;
  private final StoreLocks locks;
  private final TransactionTemplate transactions;

  StartupData(JointWorksProperties properties, FeatureRepository features, LayerService layers,
      ImportService imports, OrganisationService organisations, UserStore users,
      NamedParameterJdbcTemplate jdbc, StoreLocks locks,
      PlatformTransactionManager transactionManager) {
    this.locks = locks;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.features = features;
    this.layers = layers;
    this.imports = imports;
    this.organisations = organisations;
    this.users = users;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    var system = new JointWorksUser("system", "", true, Role.ADMIN, null);
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
    try {
      transactions.executeWithoutResult(status -> {
        locks.lockForTransaction("startup-data");
        loadDistricts();
        loadOrganisations();
        if (properties.demoUsers()) {
          createDemoUsers();
        }
      });
      if (properties.sampleData()) {
        loadSampleCity();
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void loadDistricts() {
    var known = features.districtCodes();
    for (Map<String, String> row : Csv.readResource("gis-data/districts.csv")) {
      if (known.contains(row.get("code"))) {
        continue;
      }
      Map<String, Object> props = new LinkedHashMap<>();
      for (var field : Layer.DISTRICTS.fields()) {
        String v = row.get(field.name());
        if (v != null) {
          props.put(field.name(), switch (field.type()) {
            case INTEGER -> Long.parseLong(v);
            case DECIMAL -> Double.parseDouble(v);
            default -> v;
          });
        }
      }
      layers.createTrusted(Layer.DISTRICTS, Feature.unsaved(null, props));
    }
  }

  private void loadOrganisations() {
    for (Map<String, String> row : Csv.readResource("gis-data/organisations.csv")) {
      organisations.ensure(new Organisation(null, row.get("code"), row.get("name"),
          row.get("utility")));
    }
  }

  private void createDemoUsers() {
    String pw = properties.demoPassword();
    users.ensureDemoUser("admin", pw, Role.ADMIN, null);
    users.ensureDemoUser("planner", pw, Role.PLANNER, null);
    users.ensureDemoUser("leader", pw, Role.LEADER, null);
    // The city's road-works office: grants or refuses the works permits (docs/permits.md).
    users.ensureDemoUser("roads", pw, Role.ROAD_AUTHORITY, null);
    // The programme's county-scoped users, two counties of the sample city, and the city office.
    for (String county : java.util.List.of("weibin", "hongqi")) {
      users.ensureDemoUser(county + "_officer", pw, Role.COUNTY_OFFICER, null, county);
      users.ensureDemoUser(county + "_leader", pw, Role.COUNTY_LEADER, null, county);
    }
    users.ensureDemoUser("city_office", pw, Role.CITY_OFFICE, null);
    for (Organisation o : organisations.list()) {
      if (o.utility() != null && o.code().equals(o.utility())) {
        users.ensureDemoUser(o.code(), pw, Role.UTILITY, o.code());
      }
    }
  }

  private void loadSampleCity() throws IOException {
    Integer loaded = jdbc.queryForObject("SELECT COUNT(*) FROM app_state WHERE name = :n",
        Map.of("n", SAMPLE_LOADED), Integer.class);
    if ((loaded != null && loaded > 0) || features.count(Layer.COMMUNITIES) > 0) {
      return;
    }
    for (Layer layer : SAMPLE_LAYERS) {
      ClassPathResource file = new ClassPathResource("gis-data/sample/" + layer.id() + ".geojson");
      if (!file.exists()) {
        LOG.warn("sample city file {} is missing; skipped", file.getPath());
        continue;
      }
      try (InputStream in = file.getInputStream()) {
        var result = imports.importGeoJson(layer, in);
        LOG.info("sample city: {} {} loaded", result.imported(), layer.id());
      }
    }
    jdbc.update("INSERT INTO app_state (name, value_text) VALUES (:n, 'true')",
        Map.of("n", SAMPLE_LOADED));
  }
}
