import { AuditContract } from './contracts/AuditContract';
import { BaselineContract } from './contracts/BaselineContract';
import { BatteryContract } from './contracts/BatteryContract';
import { BenchmarkContract } from './contracts/BenchmarkContract';
import { CustodyContract } from './contracts/CustodyContract';
import { FacilityContract } from './contracts/FacilityContract';
import { LotContract } from './contracts/LotContract';
import { MassBalanceContract } from './contracts/MassBalanceContract';
import { ProcessContract } from './contracts/ProcessContract';

/** Every contract the battery-trace chaincode exposes, in registration order. */
export const contracts = [BaselineContract, BenchmarkContract, FacilityContract, LotContract, CustodyContract, ProcessContract, MassBalanceContract, BatteryContract, AuditContract];
