import { Initial0001 } from './0001-initial';
import { Skills0002 } from './0002-skills';
import { Goals0003 } from './0003-goals';

/** Ordered; the schema version of a database is the number of these it has applied. */
export const migrations = [Initial0001, Skills0002, Goals0003];
export const SCHEMA_VERSION = migrations.length;
