import { Initial0001 } from './0001-initial';
import { Skills0002 } from './0002-skills';
import { Goals0003 } from './0003-goals';
import { Reviews0004 } from './0004-reviews';
import { Journal0005 } from './0005-journal';
import { Questionnaires0006 } from './0006-questionnaires';

/** Ordered; the schema version of a database is the number of these it has applied. */
export const migrations = [Initial0001, Skills0002, Goals0003, Reviews0004, Journal0005, Questionnaires0006];
export const SCHEMA_VERSION = migrations.length;
