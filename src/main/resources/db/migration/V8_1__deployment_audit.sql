-- Deployments (issue 8): every new deployment of the engine, who made it and what it changed, written by
-- com.serviceloop.deployment.DeploymentAuditTrail in the deploy command's own transaction (a refused
-- deployment leaves no row). Deletions are in the engine's user operation log. SQL for H2 and PostgreSQL.
CREATE TABLE sl_deployment_audit (
  deployment_id    VARCHAR(64)  NOT NULL,
  deployment_name  VARCHAR(255),
  source           VARCHAR(255),
  deployed_by      VARCHAR(255) NOT NULL,  -- the engine user, or 'application' for the start-up deployment
  deployed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_sl_deployment_audit PRIMARY KEY (deployment_id)
);
CREATE INDEX ix_sl_deployment_audit_at ON sl_deployment_audit (deployed_at);

-- One row per resource of the deployment: the definitions it carries (key and version) and whether its
-- content differs from the version it replaces (NEW: first version; CHANGED; UNCHANGED; RESOURCE: no definition).
CREATE TABLE sl_deployment_audit_resource (
  deployment_id    VARCHAR(64)   NOT NULL,
  resource_name    VARCHAR(255)  NOT NULL,
  definitions      VARCHAR(2000),
  change_kind      VARCHAR(16)   NOT NULL,
  CONSTRAINT pk_sl_deployment_audit_resource PRIMARY KEY (deployment_id, resource_name),
  CONSTRAINT fk_sl_deployment_audit_resource FOREIGN KEY (deployment_id) REFERENCES sl_deployment_audit (deployment_id)
);
