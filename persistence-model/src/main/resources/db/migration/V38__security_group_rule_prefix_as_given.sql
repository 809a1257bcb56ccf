-- A rule's remote_ip_prefix is kept as given, host bits and all, as Neutron keeps it
-- (str(netaddr.IPNetwork(given)): 10.2.3.124/24 stays so, and the compute proxy shows it back as
-- given); cidr refuses host bits, inet keeps them. The network form (Neutron's normalized_cidr) is
-- what the port filters enforce: network(remote_ip_prefix). Every stored cidr is an inet already.
alter table security_group_rules alter column remote_ip_prefix type inet using remote_ip_prefix::inet;
