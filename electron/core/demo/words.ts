// Vocabulary for demo workbooks: what real outsourced IT estates contain.

export const VENDORS = [
  { name: 'Northwind Managed Services', services: 'Service desk, Windows and Linux server operations, backup, patching', target: 'in_house' },
  { name: 'Contoso Cloud Operations', services: 'Azure landing zone, Kubernetes platform, CI/CD pipelines, on-call', target: 'new_provider', provider: 'Fabrikam Digital' },
  { name: 'Initech Application Support', services: 'SAP basis, payroll interfaces, data warehouse batch jobs', target: 'in_house' },
  { name: 'Globex Network Services', services: 'WAN, firewalls, VPN, DNS and certificates', target: 'new_provider', provider: 'Umbrella Networks' },
  { name: 'Hooli Data Centre', services: 'Colocation, storage arrays, tape backup', target: 'in_house' },
] as const;

export const PROCESSES = [
  ['Nightly payroll export to the bank', 'Exports approved payroll runs as SEPA files and uploads them over SFTP before 05:00.', 'Daily', 'critical', '05:00 cut-off'],
  ['Monthly OS patching of Windows servers', 'Applies the monthly cumulative updates in three waves with reboots in the maintenance window.', 'Monthly', 'high', '72 h'],
  ['Backup verification and restore test', 'Checks last night’s backup jobs and restores one random VM to the isolated test network.', 'Weekly', 'critical', '24 h'],
  ['New starter account provisioning', 'Creates directory, mail and VPN accounts from the HR ticket and assigns the role’s groups.', 'On request', 'medium', '2 business days'],
  ['Leaver access revocation', 'Disables accounts, revokes tokens and recovers hardware on the leaving date.', 'On request', 'high', 'Same day'],
  ['TLS certificate renewal', 'Tracks certificate expiry and renews through the CA, then deploys to load balancers.', 'Monthly', 'critical', '14 days before expiry'],
  ['P1 incident triage and escalation', 'Answers P1 alerts, opens the bridge call, escalates to the right resolver group.', 'Continuous', 'critical', '15 min response'],
  ['Firewall rule change', 'Reviews, approves and implements firewall change requests with rollback notes.', 'Weekly', 'high', '5 business days'],
  ['Database index maintenance', 'Rebuilds fragmented indexes and updates statistics on the ERP database.', 'Weekly', 'medium', 'Weekend window'],
  ['Production release deployment', 'Runs the release pipeline, smoke tests and the go/no-go call.', 'Bi-weekly', 'high', 'Per release plan'],
  ['SAP transport management', 'Moves approved transports through DEV, QA and PRD with the CAB record.', 'Daily', 'high', 'Next business day'],
  ['Data warehouse nightly load', 'Runs the ETL chain, checks row counts and reruns failed steps.', 'Daily', 'critical', '07:00 reports'],
  ['Antivirus signature monitoring', 'Checks endpoints report current signatures and remediates stale ones.', 'Daily', 'low', '48 h'],
  ['Capacity report', 'Reports storage and compute trends with a 6-month forecast.', 'Monthly', 'low', 'First week of month'],
  ['DNS zone changes', 'Edits internal and external DNS zones with peer review.', 'On request', 'medium', '1 business day'],
  ['Disaster recovery test', 'Fails over the tier-1 applications to the secondary site and back.', 'Yearly', 'critical', 'Annual plan'],
  ['Licence true-up preparation', 'Collects usage for the annual vendor true-up and reconciles seats.', 'Yearly', 'medium', 'Before renewal'],
  ['Service desk first-line support', 'Answers calls and tickets, resolves known issues, routes the rest.', 'Continuous', 'high', '80% in 20 s'],
] as const;

export const REPOS = [
  ['payroll-bank-export', 'gitlab.vendor.example', 'main', 'GitLab CI'],
  ['infra-terraform', 'github.com', 'main', 'GitHub Actions'],
  ['ansible-playbooks', 'gitlab.vendor.example', 'master', 'AWX'],
  ['dwh-etl-jobs', 'dev.azure.com', 'main', 'Azure Pipelines'],
  ['sap-interfaces', 'bitbucket.org', 'develop', 'Bamboo'],
  ['monitoring-dashboards', 'github.com', 'main', 'GitHub Actions'],
  ['helpdesk-scripts', 'gitlab.vendor.example', 'main', 'none'],
  ['k8s-platform', 'github.com', 'main', 'Argo CD'],
  ['certificate-automation', 'gitlab.vendor.example', 'main', 'GitLab CI'],
  ['backup-runbooks-as-code', 'dev.azure.com', 'main', 'Azure Pipelines'],
] as const;

export const LICENCES = [
  ['Veeam Backup & Replication', 'Veeam', 'subscription', 'EUR', 18000],
  ['Microsoft 365 E3', 'Microsoft', 'subscription', 'EUR', 96000],
  ['Red Hat Enterprise Linux', 'Red Hat', 'subscription', 'EUR', 24000],
  ['Atlassian Jira Software', 'Atlassian', 'subscription', 'USD', 12000],
  ['SAP NetWeaver', 'SAP', 'perpetual', 'EUR', 45000],
  ['Datadog Infrastructure', 'Datadog', 'subscription', 'USD', 30000],
  ['PostgreSQL', 'PostgreSQL Global Development Group', 'open_source', 'EUR', 0],
  ['ServiceNow ITSM', 'ServiceNow', 'subscription', 'USD', 60000],
  ['Fortinet FortiGate support', 'Fortinet', 'subscription', 'EUR', 9000],
  ['Oracle Database Enterprise', 'Oracle', 'perpetual', 'EUR', 52000],
] as const;

export const DOCUMENTS = [
  ['Payroll export runbook', 'runbook'],
  ['Network architecture overview', 'architecture'],
  ['Backup and restore procedure', 'operating_procedure'],
  ['Master services agreement', 'contract'],
  ['Privileged access list', 'access_list'],
  ['Patching runbook', 'runbook'],
  ['Incident management procedure', 'operating_procedure'],
  ['Data warehouse architecture', 'architecture'],
  ['Certificate inventory', 'other'],
  ['Disaster recovery plan', 'runbook'],
] as const;

export const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Eva', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kim', 'Lena', 'Marco', 'Nina', 'Omar', 'Paula', 'Rahul', 'Sofia', 'Tom', 'Yara'];
export const LAST = ['Adler', 'Berger', 'Costa', 'Dubois', 'Engel', 'Fischer', 'García', 'Hansen', 'Ito', 'Jansen', 'Keller', 'Larsen', 'Müller', 'Novak', 'Okafor', 'Peters', 'Rossi', 'Schmidt', 'Weber', 'Zimmermann'];
export const IN_HOUSE_ROLES = ['IT lead', 'Backup engineer', 'Service owner', 'Security officer', 'Procurement', 'Database administrator', 'Network engineer'];
export const VENDOR_ROLES = ['Service delivery manager', 'Senior operator', 'Platform engineer', 'Account manager', 'SAP basis consultant'];
