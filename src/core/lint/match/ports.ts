/**
 * The port lists of lint-catalogue.md as PortSets, with the service names the findings print.
 * Ports count for tcp and udp alike (CIS counts both); the lists are the union of the scanners'.
 */
import { PortSet } from '../../net/index.ts';

/** A named port or inclusive port range. */
export interface NamedPorts {
  from: number;
  to: number;
  service: string;
}

const p = (from: number, to: number, service: string): NamedPorts => ({ from, to, service });

/** Every risky port of the catalogue, with its service name, ascending. */
export const RISKY_PORT_LIST: readonly NamedPorts[] = [
  p(20, 21, 'FTP'),
  p(22, 22, 'SSH'),
  p(23, 23, 'Telnet'),
  p(25, 25, 'SMTP'),
  p(53, 53, 'DNS'),
  p(88, 88, 'Kerberos'),
  p(110, 110, 'POP3'),
  p(135, 135, 'MS RPC'),
  p(137, 139, 'NetBIOS'),
  p(143, 143, 'IMAP'),
  p(161, 161, 'SNMP'),
  p(389, 389, 'LDAP'),
  p(445, 445, 'SMB/CIFS'),
  p(464, 464, 'Kerberos'),
  p(636, 636, 'LDAP'),
  p(749, 750, 'Kerberos'),
  p(1433, 1434, 'MS SQL'),
  p(1521, 1522, 'Oracle'),
  p(2049, 2049, 'NFS'),
  p(2375, 2376, 'Docker API'),
  p(2379, 2380, 'etcd'),
  p(2483, 2484, 'Oracle'),
  p(3000, 3000, 'dev server'),
  p(3306, 3306, 'MySQL'),
  p(3389, 3389, 'RDP'),
  p(4333, 4333, 'mSQL'),
  p(4505, 4506, 'SaltStack'),
  p(5000, 5000, 'dev server'),
  p(5432, 5432, 'PostgreSQL'),
  p(5500, 5500, 'VNC'),
  p(5601, 5601, 'Kibana'),
  p(5672, 5672, 'RabbitMQ'),
  p(5900, 5900, 'VNC'),
  p(5984, 5984, 'CouchDB'),
  p(5985, 5986, 'WinRM'),
  p(6379, 6379, 'Redis'),
  p(6443, 6443, 'Kubernetes API'),
  p(7000, 7001, 'Cassandra'),
  p(7199, 7199, 'Cassandra'),
  p(8000, 8000, 'alternate HTTP'),
  p(8080, 8080, 'alternate HTTP'),
  p(8086, 8086, 'InfluxDB'),
  p(8088, 8088, 'alternate HTTP'),
  p(8140, 8140, 'Puppet'),
  p(8888, 8888, 'alternate HTTP'),
  p(9000, 9000, 'HDFS'),
  p(9042, 9042, 'Cassandra'),
  p(9092, 9092, 'Kafka'),
  p(9160, 9160, 'Cassandra'),
  p(9200, 9200, 'Elasticsearch'),
  p(9300, 9300, 'Elasticsearch'),
  p(10250, 10250, 'kubelet'),
  p(11211, 11211, 'Memcached'),
  p(15672, 15672, 'RabbitMQ'),
  p(27017, 27018, 'MongoDB'),
  p(50070, 50070, 'HDFS web'),
];

const set = (ranges: ReadonlyArray<readonly [number, number]>): PortSet => PortSet.fromRanges(ranges.map(([from, to]) => ({ from, to })));

/** Remote administration: SSH, Telnet, RDP, VNC, WinRM. */
export const ADMIN_PORTS: PortSet = set([[22, 22], [23, 23], [3389, 3389], [5900, 5900], [5985, 5986]]);

/** Database and cache ports. */
export const DATABASE_PORTS: PortSet = set([
  [1433, 1434], [1521, 1521], [2483, 2484], [3306, 3306], [5432, 5432], [6379, 6379], [7199, 7199],
  [9042, 9042], [9160, 9160], [11211, 11211], [27017, 27018], [9200, 9200], [9300, 9300],
]);

/** Every port of the catalogue's list (admin and database ports included). */
export const RISKY_PORTS: PortSet = PortSet.fromRanges(RISKY_PORT_LIST);

/** Sensitive ports: what a small public source should not be admitted to (admin, database, risky). */
export const SENSITIVE_PORTS: PortSet = RISKY_PORTS;

/** Cleartext protocols with a secure replacement: FTP (21) and Telnet (23). */
export const PLAINTEXT_PORTS: PortSet = set([[21, 21], [23, 23]]);

/** HTTP and HTTPS: what a public entry point may admit from the world. */
export const WEB_PORTS: PortSet = set([[80, 80], [443, 443]]);

/** The service name of a port ("SSH"), or undefined when it is not on the list. */
export function serviceOf(port: number): string | undefined {
  return RISKY_PORT_LIST.find((n) => port >= n.from && port <= n.to)?.service;
}

/**
 * A port set as findings print it, with service names where the ports are on the list:
 * "22 (SSH), 3389 (RDP)", "20-21 (FTP), 22 (SSH)", "1024-65535". Long sets end "and N more".
 */
export function describePorts(ports: PortSet, max = 6): string {
  if (ports.isAll()) return 'all ports';
  if (ports.isEmpty()) return 'no ports';
  const items: string[] = [];
  for (const { from, to } of ports.toRanges()) {
    if (!RISKY_PORTS.containsSet(PortSet.fromRange(from, to))) {
      items.push(from === to ? `${from}` : `${from}-${to}`);
      continue;
    }
    for (const n of RISKY_PORT_LIST) {
      if (n.to < from || n.from > to) continue;
      const a = Math.max(from, n.from);
      const b = Math.min(to, n.to);
      items.push(`${a === b ? a : `${a}-${b}`} (${n.service})`);
    }
  }
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}
