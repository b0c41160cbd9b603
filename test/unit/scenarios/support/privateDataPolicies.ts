import { MemoryStub } from '../../../support/MemoryStub';

type SetPolicy = MemoryStub['setPrivateDataValidationParameter'];

/**
 * Lets the in-memory stub accept key-level endorsement policies on private data, which the chaincode now sets
 * on every private write and which test/support's stub refuses. The scenarios test what the chaincode records,
 * not endorsement (the network runs check that); the stub's own implementation is used as soon as it has one.
 * A stopgap until test/support's stub supports them.
 * @returns a function that restores the stub
 */
export function acceptPrivateDataPolicies(): () => void {
  const prototype = MemoryStub.prototype;
  const original = Object.getOwnPropertyDescriptor(prototype, 'setPrivateDataValidationParameter');
  const implementation: unknown = original?.value;
  prototype.setPrivateDataValidationParameter = async function (this: MemoryStub, ...args: Parameters<SetPolicy>): Promise<void> {
    try {
      if (typeof implementation === 'function') await (implementation as SetPolicy).apply(this, args);
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('does not support setPrivateDataValidationParameter'))) throw error;
    }
  };
  return () => {
    if (original !== undefined) Object.defineProperty(prototype, 'setPrivateDataValidationParameter', original);
  };
}
