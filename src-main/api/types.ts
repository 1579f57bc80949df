import type { Input, Method, Output } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';

/** One method's implementation. Inputs arrive already validated against the contract. */
export type Handler<M extends Method> = (input: Input<M>, ctx: ServiceContext) => Promise<Output<M>>;
export type HandlerTable = { [M in Method]: Handler<M> };
/** The handlers of one area's methods (`typeof cycleMethods`): a missing one is a compile error. */
export type AreaHandlers<Methods> = { [M in keyof Methods & Method]: Handler<M> };
