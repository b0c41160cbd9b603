import { expect } from 'chai';
import * as grpc from '@grpc/grpc-js';
import { CommitError as GatewayCommitError, CommitStatusError, GatewayError, StatusCode } from '@hyperledger/fabric-gateway';
import { ContractError } from '../../../chaincode/src/api/errors';
import {
  BaseError,
  ChaincodeError,
  CommitError,
  ConflictError,
  EndorsementError,
  ForbiddenError,
  isContractError,
  isErrorCategory,
  NetworkError,
  NotFoundError,
  toSdkError,
  ValidationError,
} from '../../../sdk/src/index';
import { endorseError, evaluateError, serviceError } from './support/fakeGateway';

const context = { transactionName: 'custody:AcceptTransfer' };

function expectInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): T {
  if (!(value instanceof type)) throw new Error(`expected a ${type.name}, got ${String(value)}`);
  return value;
}

describe('SDK error mapping', () => {
  it('maps an endorsement failure carrying the chaincode envelope to a typed error with code, message, id and details', () => {
    const envelope = new ContractError('FORBIDDEN', 'only the receiving facility may accept transfer T1').message;
    const error = toSdkError(endorseError([envelope, envelope], 'tx42'), context);
    const forbidden = expectInstance(error, ForbiddenError);
    expect(forbidden.code).to.equal('FORBIDDEN');
    expect(forbidden.category).to.equal('forbidden');
    expect(forbidden.shortMessage).to.equal('only the receiving facility may accept transfer T1');
    expect(forbidden.transactionId).to.equal('tx42');
    expect(forbidden.transactionName).to.equal('custody:AcceptTransfer');
    expect(forbidden.details).to.have.length(2);
    expect(forbidden.details[0]).to.deep.equal({ address: 'peer0.org0.example:7051', mspId: 'Org0MSP', message: `chaincode response 500, ${envelope}` });
    expect(forbidden.cause).to.be.instanceOf(GatewayError);
  });

  const cases: [string, new (...args: never[]) => BaseError][] = [
    ['INVALID_ARGUMENT', ValidationError],
    ['MASS_NOT_CONSERVED', ValidationError],
    ['UNKNOWN_TRANSACTION', ValidationError],
    ['WRONG_ARGUMENT_COUNT', ValidationError],
    ['LOT_NOT_FOUND', NotFoundError],
    ['TRANSFER_NOT_FOUND', NotFoundError],
    ['NOT_FOUND', NotFoundError],
    ['CONFLICT', ConflictError],
    ['INVALID_STATE', ConflictError],
    ['INSUFFICIENT_MASS', ConflictError],
    ['INSUFFICIENT_CREDIT', ConflictError],
    ['ATTESTATION_REQUIRED', ConflictError],
    ['INTERNAL', ChaincodeError],
  ];
  for (const [code, type] of cases) {
    it(`maps ${code} to ${type.name}`, () => {
      const envelope = new ContractError(code as ContractError['code'], 'why').message;
      const error = toSdkError(endorseError([envelope]), context);
      expect(error).to.be.instanceOf(type);
      expect(expectInstance(error, ChaincodeError).code).to.equal(code);
    });
  }

  it('finds the envelope in an evaluate error (no transaction id)', () => {
    const envelope = new ContractError('LOT_NOT_FOUND', 'lot L9 does not exist').message;
    const error = toSdkError(evaluateError(envelope), { transactionName: 'lot:GetLot', phase: 'evaluate' });
    expect(error).to.be.instanceOf(NotFoundError);
    expect(error.transactionId).to.equal(undefined);
    expect(error.shortMessage).to.equal('lot L9 does not exist');
  });

  it('maps an endorsement failure without an envelope to an EndorsementError with the gRPC code and details', () => {
    const error = toSdkError(endorseError(['chaincode crashed']), context);
    expect(error).to.be.instanceOf(EndorsementError);
    expect(expectInstance(error, EndorsementError).grpcCode).to.equal(grpc.status.ABORTED);
    expect(error.details[0]?.message).to.contain('chaincode crashed');
    expect(error.message).to.contain('chaincode crashed');
  });

  it('does not mistake prose that mentions a code for an envelope', () => {
    const error = toSdkError(endorseError(['CONFLICT: something said FORBIDDEN']), context);
    expect(error).to.be.instanceOf(EndorsementError);
  });

  it('maps an unreachable peer to a NetworkError', () => {
    const unavailable = new GatewayError({ code: grpc.status.UNAVAILABLE, details: [], cause: serviceError(grpc.status.UNAVAILABLE, 'connect ECONNREFUSED'), message: '14 UNAVAILABLE: connect ECONNREFUSED' });
    const error = toSdkError(unavailable, context);
    expect(error).to.be.instanceOf(NetworkError);
    expect(expectInstance(error, NetworkError).grpcCode).to.equal(grpc.status.UNAVAILABLE);
  });

  it('maps a commit status failure to a NetworkError that keeps the transaction id', () => {
    const failure = new CommitStatusError({ code: grpc.status.DEADLINE_EXCEEDED, details: [], cause: serviceError(grpc.status.DEADLINE_EXCEEDED, 'deadline'), transactionId: 'tx7', message: 'deadline' });
    const error = toSdkError(failure, context);
    expect(error).to.be.instanceOf(NetworkError);
    expect(error.transactionId).to.equal('tx7');
  });

  it('maps fabric-gateway CommitError to a typed CommitError with the validation code', () => {
    const failure = new GatewayCommitError({ code: StatusCode.MVCC_READ_CONFLICT, transactionId: 'tx8', message: 'failed' });
    const error = toSdkError(failure, context);
    expect(error).to.be.instanceOf(CommitError);
    expect(expectInstance(error, CommitError).validationCodeName).to.equal('MVCC_READ_CONFLICT');
    expect(expectInstance(error, CommitError).isReadConflict).to.equal(true);
    expect(error.transactionId).to.equal('tx8');
  });

  it('walks the cause chain down to the gRPC error', () => {
    const envelope = new ContractError('CONFLICT', 'lot L1 is in transit').message;
    const error = toSdkError(endorseError([envelope]), context);
    expect(error.walk()).to.have.property('code', grpc.status.ABORTED);
    expect(error.walk((e) => e instanceof GatewayError)).to.be.instanceOf(GatewayError);
    expect(error.walk((e) => e instanceof RangeError)).to.equal(undefined);
  });

  describe('isContractError', () => {
    it('narrows to the given code', () => {
      const error: unknown = toSdkError(endorseError([new ContractError('CONFLICT', 'taken').message]), context);
      expect(isContractError(error, 'CONFLICT')).to.equal(true);
      expect(isContractError(error, 'FORBIDDEN')).to.equal(false);
      expect(isContractError(error)).to.equal(true);
      if (isContractError(error, 'CONFLICT')) {
        const code: 'CONFLICT' = error.code;
        expect(code).to.equal('CONFLICT');
      }
    });

    it('is false for non-contract errors', () => {
      expect(isContractError(new Error('x'))).to.equal(false);
      expect(isContractError(new NetworkError('down'))).to.equal(false);
      expect(isErrorCategory(new NetworkError('down'), 'network')).to.equal(true);
    });
  });
});
