package org.jointworks.organisations;

import java.util.List;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists and registers organisations; every registration is audited. */
@Service
public class OrganisationService {
  private final OrganisationRepository repository;
  private final Audit audit;

  OrganisationService(OrganisationRepository repository, Audit audit) {
    this.repository = repository;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Organisation> list() {
    return repository.findAll();
  }

  /** Registers {@code o} unless its code is taken (409). */
  @Transactional
  public Organisation create(Organisation o) {
    if (repository.exists(o.code())) {
      throw ApiException.conflict("an organisation with code '" + o.code() + "' exists");
    }
    Organisation stored = repository.insert(o);
    audit.record("create", "organisations", stored.id(), null,
        "{\"code\":\"" + stored.code() + "\"}");
    return stored;
  }

  /** Registers {@code o} if its code is new; for reference data loaded at start. */
  @Transactional
  public boolean ensure(Organisation o) {
    if (repository.exists(o.code())) {
      return false;
    }
    create(o);
    return true;
  }
}
