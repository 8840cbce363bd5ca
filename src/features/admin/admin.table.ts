export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON object with the details of the action. */
  data: string;
  created_at: string;
}

export interface AdminTables {
  audit_log: AuditLogTable;
}
